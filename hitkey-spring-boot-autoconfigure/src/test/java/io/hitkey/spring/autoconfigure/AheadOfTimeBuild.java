package io.hitkey.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ClassUtils;

/**
 * Builds a test application ahead of time in the test's JVM, as Spring Boot's
 * {@code process-aot} does (the same run hook that stops the application once its
 * sources are loaded, then {@link ApplicationContextAotGenerator}), compiles the
 * generated code and defines it next to the application's classes. Started afterwards
 * with {@code spring.aot.enabled=true}, the application runs from that code, with the
 * conditions of the build, as one built with {@code process-aot} does; only the
 * generated initializer is handed to it rather than found by the name of its main class.
 * <p>
 * The generated classes stay in the JVM, so each application class is built once.
 */
final class AheadOfTimeBuild {

	private static final Map<Class<?>, String> built = new HashMap<>();

	private AheadOfTimeBuild() {
	}

	/**
	 * Build the given application ahead of time, once per application class, and return
	 * the initializer that starts it from the generated code.
	 */
	static synchronized ApplicationContextInitializer<?> build(Class<?> applicationClass,
			SpringApplication application) throws Exception {
		String initializer = built.get(applicationClass);
		if (initializer == null) {
			initializer = generate(applicationClass, application);
			built.put(applicationClass, initializer);
		}
		return AotApplicationContextInitializer.forInitializerClasses(initializer);
	}

	// Each application's classes get their own names (as Spring's AOT test contexts do):
	// they share a class loader, and their builds generate code for the same
	// auto-configurations.
	private static String generate(Class<?> applicationClass, SpringApplication application) throws Exception {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		ClassName initializer;
		System.setProperty("spring.aot.processing", "true");
		try (GenericApplicationContext context = loadedContext(application)) {
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(applicationClass), applicationClass.getSimpleName()),
					files);
			initializer = new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			generation.writeGeneratedContent();
		}
		finally {
			System.clearProperty("spring.aot.processing");
		}
		Map<String, byte[]> classes = compile(files.getGeneratedFiles(Kind.SOURCE));
		for (Map.Entry<String, InputStreamSource> file : files.getGeneratedFiles(Kind.CLASS).entrySet()) {
			try (InputStream in = file.getValue().getInputStream()) {
				classes.put(binaryName(file.getKey()), in.readAllBytes());
			}
		}
		define(classes);
		return initializer.reflectionName();
	}

	/**
	 * Run the given action with the generated code, as {@code -Dspring.aot.enabled=true}
	 * does.
	 */
	static <T> T withGeneratedArtifacts(Callable<T> action) throws Exception {
		System.setProperty("spring.aot.enabled", "true");
		try {
			return action.call();
		}
		finally {
			System.clearProperty("spring.aot.enabled");
		}
	}

	private static GenericApplicationContext loadedContext(SpringApplication application) {
		SpringApplicationHook hook = (running) -> new SpringApplicationRunListener() {

			@Override
			public void contextLoaded(ConfigurableApplicationContext context) {
				throw new AbandonedRunException(context);
			}

		};
		try {
			SpringApplication.withHook(hook, () -> {
				application.run();
			});
		}
		catch (AbandonedRunException ex) {
			return (GenericApplicationContext) ex.getApplicationContext();
		}
		throw new IllegalStateException("The application was not stopped once loaded");
	}

	private static Map<String, byte[]> compile(Map<String, InputStreamSource> sources) throws IOException {
		Path directory = Files.createTempDirectory("hitkey-aot");
		try {
			Path sourceDirectory = directory.resolve("sources");
			Path classDirectory = Files.createDirectories(directory.resolve("classes"));
			List<Path> sourceFiles = new ArrayList<>();
			for (Map.Entry<String, InputStreamSource> source : sources.entrySet()) {
				Path file = sourceDirectory.resolve(source.getKey());
				Files.createDirectories(file.getParent());
				try (InputStream in = source.getValue().getInputStream()) {
					Files.write(file, in.readAllBytes());
				}
				sourceFiles.add(file);
			}
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			StringWriter diagnostics = new StringWriter();
			try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null,
					StandardCharsets.UTF_8)) {
				List<String> options = List.of("-d", classDirectory.toString(), "-classpath",
						System.getProperty("java.class.path"), "-proc:none", "-parameters", "-nowarn");
				boolean compiled = compiler
					.getTask(diagnostics, fileManager, null, options, null,
							fileManager.getJavaFileObjectsFromPaths(sourceFiles))
					.call();
				if (!compiled) {
					throw new IllegalStateException("The generated code does not compile:\n" + diagnostics);
				}
			}
			Map<String, byte[]> classes = new LinkedHashMap<>();
			try (Stream<Path> paths = Files.walk(classDirectory)) {
				for (Path file : paths.filter((path) -> path.toString().endsWith(".class")).toList()) {
					classes.put(binaryName(classDirectory.relativize(file).toString()), Files.readAllBytes(file));
				}
			}
			return classes;
		}
		finally {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private static String binaryName(String path) {
		return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
	}

	// The generated code uses package-private types, so it must be defined by their class
	// loader, in their package: each class next to the class that it was generated for.
	private static void define(Map<String, byte[]> classes) throws ReflectiveOperationException {
		ClassLoader classLoader = AheadOfTimeBuild.class.getClassLoader();
		List<String> names = new ArrayList<>(classes.keySet());
		names.sort(Comparator.comparing((String name) -> name.contains("$")).thenComparing(Comparator.naturalOrder()));
		for (String name : names) {
			if (ClassUtils.isPresent(name, classLoader)) {
				// A CGLIB proxy that an earlier build or a test without AOT made: the same.
				continue;
			}
			MethodHandles.privateLookupIn(neighbour(name, classLoader), MethodHandles.lookup())
				.defineClass(classes.get(name));
		}
	}

	private static Class<?> neighbour(String name, ClassLoader classLoader) throws ClassNotFoundException {
		String packageName = name.substring(0, name.lastIndexOf('.'));
		if (packageName.equals(AheadOfTimeBuild.class.getPackageName())) {
			return AheadOfTimeBuild.class;
		}
		String simpleName = name.substring(packageName.length() + 1);
		int end = Stream.of(simpleName.indexOf("__"), simpleName.indexOf("$$"))
			.filter((index) -> index > 0)
			.min(Integer::compare)
			.orElseThrow(() -> new IllegalStateException("Not a generated class: " + name));
		String target = packageName + "." + simpleName.substring(0, end);
		if (!ClassUtils.isPresent(target, classLoader)) {
			// The code for a nested class, Outer_Inner__BeanDefinitions.
			target = packageName + "." + simpleName.substring(0, simpleName.indexOf('_'));
		}
		return Class.forName(target, false, classLoader);
	}

}

package io.hitkey.spring.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of a section of README.md, read from the README at test time: what a user
 * copies from it.
 *
 * @author HitKey
 */
final class QuickStart {

	private static final Pattern CODE_BLOCK = Pattern.compile("^([ \\t]*)```(\\w+)\\n(.*?)^[ \\t]*```$",
			Pattern.DOTALL | Pattern.MULTILINE);

	private static final Pattern JAVA_TYPE = Pattern.compile("^(?:public\\s+)?(?:final\\s+)?(?:class|record|interface)\\s+(\\w+)",
			Pattern.MULTILINE);

	private static final Pattern MAVEN_WRAPPER_COMMAND = Pattern.compile("`\\./mvnw (spring-boot:test-run[^`]*)`");

	private final String section;

	private final List<CodeBlock> blocks;

	private QuickStart(String section) {
		this.section = section;
		this.blocks = new ArrayList<>();
		Matcher matcher = CODE_BLOCK.matcher(section);
		while (matcher.find()) {
			this.blocks.add(new CodeBlock(matcher.group(2), unindent(matcher.group(3), matcher.group(1).length())));
		}
	}

	/**
	 * Return the README's "Quick start" section.
	 */
	static QuickStart fromReadme(Path readme) throws IOException {
		return section(readme, "## Quick start");
	}

	/**
	 * Return the README's section that starts with the given heading, up to the next
	 * heading of the same level.
	 */
	static QuickStart section(Path readme, String heading) throws IOException {
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		int start = text.indexOf("\n" + heading);
		assertThat(start).as("README.md has a section '%s'", heading).isNotNegative();
		String level = heading.substring(0, heading.indexOf(' ') + 1);
		int end = text.indexOf("\n" + level, start + 1);
		return new QuickStart(text.substring(start, (end != -1) ? end : text.length()));
	}

	/**
	 * Return the arguments of the one shell command, {@code ./mvnw ...}, that installs the
	 * starter.
	 */
	List<String> installArguments() {
		List<String> commands = code("bash");
		assertThat(commands).as("the Quick start's shell commands").hasSize(1);
		String command = commands.get(0).strip();
		assertThat(command).as("the Quick start's install command").startsWith("./mvnw ").doesNotContain("\n");
		return Arrays.asList(command.substring("./mvnw ".length()).split("\\s+"));
	}

	/**
	 * Return the arguments of the {@code ./mvnw spring-boot:test-run} command that runs the
	 * application against the fake HitKey.
	 */
	List<String> testRunArguments() {
		Matcher matcher = MAVEN_WRAPPER_COMMAND.matcher(this.section);
		assertThat(matcher.find()).as("the Quick start says to run `./mvnw spring-boot:test-run`").isTrue();
		return Arrays.asList(matcher.group(1).split("\\s+"));
	}

	/**
	 * Return the code blocks in the given language, without the indentation they have in
	 * the README's lists.
	 */
	List<String> code(String language) {
		return this.blocks.stream().filter((block) -> block.language.equals(language)).map(CodeBlock::code).toList();
	}

	/**
	 * Return the name of the first class, record or interface that the Java code declares.
	 */
	static String javaTypeName(String code) {
		Matcher matcher = JAVA_TYPE.matcher(code);
		assertThat(matcher.find()).as("a type in\n%s", code).isTrue();
		return matcher.group(1);
	}

	private static String unindent(String code, int indentation) {
		StringBuilder unindented = new StringBuilder();
		for (String line : code.split("\n", -1)) {
			int blank = 0;
			while (blank < Math.min(indentation, line.length()) && line.charAt(blank) == ' ') {
				blank++;
			}
			unindented.append(line.substring(blank)).append('\n');
		}
		return unindented.toString().stripTrailing() + "\n";
	}

	private record CodeBlock(String language, String code) {
	}

}

package io.hitkey.spring.starter.failures;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A browser, or an API client, on the test application: a real HTTP client with its
 * own cookies that shows each redirect instead of following it.
 */
public final class Visitor {

	public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	/**
	 * How long a request may take: 20 seconds, or {@code visitor.timeout-seconds} (the
	 * session-store tests wait longer, see the starter's pom).
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("visitor.timeout-seconds", 20));

	private static final Duration SLOW = Duration.ofSeconds(5);

	/**
	 * How long a request may go unanswered before the threads of the JVM, the
	 * applications under test among them, are printed: once per JVM, to see where a
	 * stalled request waits.
	 */
	private static final Duration STALLED = Duration.ofSeconds(20);

	private static final ScheduledExecutorService stallWatch = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "visitor-stall-watch");
		thread.setDaemon(true);
		return thread;
	});

	private static final AtomicBoolean stallPrinted = new AtomicBoolean();

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String origin;

	private final UnaryOperator<URI> network;

	public Visitor(int port) {
		this(port, UnaryOperator.identity());
	}

	/**
	 * A visitor whose requests pass through the given network, such as a load balancer
	 * that picks the application instance each request goes to.
	 */
	public Visitor(int port, UnaryOperator<URI> network) {
		this.origin = "http://localhost:" + port;
		this.network = network;
	}

	public String origin() {
		return this.origin;
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return get(pathOrUrl, Map.of("Accept", BROWSER_ACCEPT));
	}

	public HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl));
		headers.forEach(request::header);
		return send(request.GET());
	}

	public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	public HttpResponse<String> post(String pathOrUrl, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "text/plain");
		headers.forEach(request::header);
		return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Go to the given page as a browser does: follow every redirect hop by hop, HitKey's
	 * authorize page included, until a page renders.
	 */
	public Journey browse(String pathOrUrl) {
		return follow(get(pathOrUrl));
	}

	/**
	 * Follow redirects from the given answer hop by hop, as a browser does, until a page
	 * renders. More than {@value Journey#MAX_REDIRECTS} redirects fail the test: a loop.
	 */
	public Journey follow(HttpResponse<String> response) {
		List<HttpResponse<String>> hops = new ArrayList<>(List.of(response));
		HttpResponse<String> current = response;
		while (isRedirect(current)) {
			if (hops.size() > Journey.MAX_REDIRECTS) {
				throw new AssertionError("Redirect loop: " + new Journey(hops).urls());
			}
			current = get(current.uri().resolve(location(current)).toString());
			hops.add(current);
		}
		return new Journey(hops);
	}

	private static boolean isRedirect(HttpResponse<?> response) {
		return response.statusCode() >= 300 && response.statusCode() < 400
				&& response.headers().firstValue("Location").isPresent();
	}

	public Optional<HttpCookie> sessionCookie() {
		return cookie("JSESSIONID");
	}

	public Optional<HttpCookie> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> name.equals(cookie.getName()))
			.findFirst();
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private URI uri(String pathOrUrl) {
		return this.network.apply(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.origin + pathOrUrl));
	}

	private static void printThreads(HttpRequest stalled) {
		if (!stallPrinted.compareAndSet(false, true)) {
			return;
		}
		StringBuilder threads = new StringBuilder("STALLED REQUEST: " + stalled.method() + " "
				+ stalled.uri().getPort() + stalled.uri().getPath() + " unanswered after " + STALLED.toSeconds()
				+ " s; the JVM's threads:\n");
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			threads.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
			for (StackTraceElement element : stack) {
				threads.append("    at ").append(element).append('\n');
			}
		});
		System.out.println(threads);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		long start = System.nanoTime();
		HttpRequest built = request.timeout(TIMEOUT).build();
		ScheduledFuture<?> stallCheck = stallWatch.schedule(() -> printThreads(built), STALLED.toMillis(),
				TimeUnit.MILLISECONDS);
		try {
			return this.http.send(built, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			stallCheck.cancel(false);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			if (took.compareTo(SLOW) > 0) {
				System.out.println("SLOW ANSWER: " + built.method() + " " + built.uri().getPort()
						+ built.uri().getPath() + " took " + took.toMillis() + " ms");
			}
		}
	}

	/**
	 * Every answer a browser got on its way to a page, the page last.
	 */
	public record Journey(List<HttpResponse<String>> hops) {

		static final int MAX_REDIRECTS = 15;

		/**
		 * Return the page the browser ended on.
		 */
		public HttpResponse<String> page() {
			return this.hops.get(this.hops.size() - 1);
		}

		/**
		 * Return how many redirects the browser followed.
		 */
		public int redirects() {
			return this.hops.size() - 1;
		}

		/**
		 * Return the URL of each answer, in order.
		 */
		public List<String> urls() {
			return this.hops.stream().map((hop) -> hop.statusCode() + " " + hop.uri()).toList();
		}

		/**
		 * Return whether the browser passed through a URL whose path is the given one.
		 */
		public boolean passedThrough(String path) {
			return this.hops.stream().anyMatch((hop) -> hop.uri().getPath().equals(path));
		}

		@Override
		public String toString() {
			return String.join(" -> ", urls());
		}

	}

}

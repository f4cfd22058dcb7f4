package io.hitkey.spring.starter.sessions;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A round-robin load balancer in front of the instances: every request to any of them
 * goes to the next running one. Requests elsewhere (HitKey) pass through.
 */
final class LoadBalancer implements UnaryOperator<URI> {

	private final List<Instance> instances;

	private final AtomicInteger requests = new AtomicInteger();

	LoadBalancer(List<Instance> instances) {
		this.instances = List.copyOf(instances);
	}

	@Override
	public URI apply(URI uri) {
		if (!Instance.isOneOf(this.instances, uri)) {
			return uri;
		}
		List<Instance> running = this.instances.stream().filter(Instance::isRunning).toList();
		Instance next = running.get(Math.floorMod(this.requests.getAndIncrement(), running.size()));
		return UriComponentsBuilder.fromUri(uri).port(next.port()).build(true).toUri();
	}

}

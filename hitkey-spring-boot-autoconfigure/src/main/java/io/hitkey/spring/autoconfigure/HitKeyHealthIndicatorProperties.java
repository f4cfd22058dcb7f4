package io.hitkey.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@code hitkey} health indicator.
 *
 * @author HitKey
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.hitkey")
public class HitKeyHealthIndicatorProperties {

	/**
	 * Whether to add HitKey's health to the health endpoint. Off unless set, even where
	 * 'management.health.defaults.enabled' is true: when HitKey is down, every instance
	 * of the application reports DOWN at once.
	 */
	private boolean enabled;

	/**
	 * How long HitKey's answer to a health check is reused before HitKey is asked again.
	 */
	private Duration cacheTime = Duration.ofSeconds(30);

	/**
	 * Return whether the {@code hitkey} health indicator is on
	 * ({@code management.health.hitkey.enabled}).
	 * @return {@code false} unless set
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turn the {@code hitkey} health indicator on or off.
	 * @param enabled {@code true} to add HitKey's health to the health endpoint
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return how long HitKey's answer to a health check is reused
	 * ({@code management.health.hitkey.cache-time}).
	 * @return the cache time, 30 seconds unless set
	 */
	public Duration getCacheTime() {
		return this.cacheTime;
	}

	/**
	 * Set how long HitKey's answer to a health check is reused before HitKey is asked
	 * again.
	 * @param cacheTime the cache time
	 */
	public void setCacheTime(Duration cacheTime) {
		this.cacheTime = cacheTime;
	}

}

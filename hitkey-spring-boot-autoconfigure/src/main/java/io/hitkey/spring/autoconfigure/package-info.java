/**
 * Auto-configuration for signing users in with HitKey, in servlet and in reactive
 * (WebFlux) web applications. Each HitKey rule (its error answers, the token answer's
 * defaults, the bound of a call, what may be logged, which requests are API calls) is
 * written once here; the servlet and reactive classes beside it only adapt it to Spring's
 * two web APIs, and are package-private. The few public rules besides the
 * auto-configurations and {@link io.hitkey.spring.autoconfigure.HitKeyProperties} serve
 * the filter-chain support in {@code io.hitkey.spring.web}; they are not meant for
 * applications.
 */
@NullMarked
package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;

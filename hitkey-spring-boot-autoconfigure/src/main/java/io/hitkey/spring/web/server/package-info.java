/**
 * HitKey sign-in for reactive (WebFlux) web applications:
 * {@link io.hitkey.spring.web.server.HitKeyServerLoginCustomizer} and what it installs in a
 * filter chain.
 */
@NullMarked
package io.hitkey.spring.web.server;

import org.jspecify.annotations.NullMarked;

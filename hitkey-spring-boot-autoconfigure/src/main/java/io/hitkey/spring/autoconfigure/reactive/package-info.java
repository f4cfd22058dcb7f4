/**
 * Auto-configuration for signing users in with HitKey in reactive (WebFlux) web
 * applications.
 */
@NullMarked
package io.hitkey.spring.autoconfigure.reactive;

import org.jspecify.annotations.NullMarked;

/**
 * HitKey sign-in for servlet web applications: {@link io.hitkey.spring.web.HitKeyLoginConfigurer}
 * and what it installs in a filter chain.
 */
@NullMarked
package io.hitkey.spring.web;

import org.jspecify.annotations.NullMarked;

/**
 * HitKey sign-in for Spring Security: the {@link io.hitkey.spring.HitKeyUser} principal
 * and the extension points of the starter.
 */
@NullMarked
package io.hitkey.spring;

import org.jspecify.annotations.NullMarked;

/**
 * Testing support for applications that sign users in with HitKey: {@link io.hitkey.spring.test.FakeHitKey},
 * a stateful HitKey that runs in-process, and mock HitKey logins for MockMvc.
 */
@NullMarked
package io.hitkey.spring.test;

import org.jspecify.annotations.NullMarked;

/**
 * Testing support for applications that sign users in with HitKey.
 * <ul>
 * <li>{@link io.hitkey.spring.test.FakeHitKey}: a stateful HitKey that runs in-process.
 * It is built on the JDK's own HTTP server rather than WireMock: the fake is a small state
 * machine (codes, tokens, users) that reads best as plain Java, and applications that add
 * this module get no HTTP server dependency that could clash with theirs (WireMock's
 * Jetty against Spring Boot's).</li>
 * <li>{@link io.hitkey.spring.test.AutoConfigureFakeHitKey @AutoConfigureFakeHitKey}: a
 * fake for a {@code @SpringBootTest}, with the starter pointed at it.</li>
 * <li>{@link io.hitkey.spring.test.HitKeyMockMvcRequestPostProcessors#hitKeyLogin()} and
 * {@link io.hitkey.spring.test.WithMockHitKeyUser @WithMockHitKeyUser}: mock HitKey
 * logins built through the starter's own mapping.</li>
 * </ul>
 */
@NullMarked
package io.hitkey.spring.test;

import org.jspecify.annotations.NullMarked;

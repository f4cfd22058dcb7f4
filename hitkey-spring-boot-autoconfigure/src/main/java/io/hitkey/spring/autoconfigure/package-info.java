/**
 * Auto-configuration for signing users in with HitKey.
 */
@NullMarked
package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration for signing users in with HitKey in servlet web applications.
 */
@NullMarked
package io.hitkey.spring.autoconfigure.servlet;

import org.jspecify.annotations.NullMarked;

package io.hitkey.spring.starter.relay;

/**
 * An order, as the downstream orders service answers it.
 */
public record Order(String id, String item) {

}

package dev.asynciolearn.timeline;

/**
 * What a report teaches: the concept's name, the Python call it mirrors and the Reactor
 * operators that do it here.
 *
 * @param name short name of the concept, e.g. {@code to_thread}
 * @param asyncio the asyncio code the endpoint mirrors, as in the study notes
 * @param reactor the Reactor operators used
 */
public record Concept(String name, String asyncio, String reactor) {
}

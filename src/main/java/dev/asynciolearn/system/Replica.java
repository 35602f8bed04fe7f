package dev.asynciolearn.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which process of a deployment this is: {@code asyncio-learn.replica.name}, the
 * container's host name in the compose stack ({@code HOSTNAME}), {@code local} otherwise.
 * State kept in memory (tasks, semaphores) belongs to one replica; reports and answers
 * name it so that two replicas behind one address can be told apart.
 *
 * @param name this replica's name
 */
@ConfigurationProperties("asyncio-learn.replica")
public record Replica(@DefaultValue("local") String name) {
}

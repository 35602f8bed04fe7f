package dev.asynciolearn.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which process of a deployment this is: {@code asyncio-learn.replica.name}, by default
 * the environment's {@code HOSTNAME} (the container's in the compose stack; a shell may
 * export the machine's), {@code local} without one. State kept in memory (tasks,
 * semaphores) belongs to one replica; reports and answers name it so that two replicas
 * behind one address can be told apart.
 *
 * @param name this replica's name
 */
@ConfigurationProperties("asyncio-learn.replica")
public record Replica(@DefaultValue("local") String name) {
}

package dev.asynciolearn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Python's asyncio, one idea at a time, as Project Reactor endpoints.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AsyncioLearnApplication {

	public static void main(String[] args) {
		SpringApplication.run(AsyncioLearnApplication.class, args);
	}

}

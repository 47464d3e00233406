package org.resourcesharing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ResourceSharingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResourceSharingApplication.class, args);
    }
}

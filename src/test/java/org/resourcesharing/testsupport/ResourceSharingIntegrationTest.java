package org.resourcesharing.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.resourcesharing.ResourceSharingApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring Boot configuration every integration test shares, so the application context is
 * built once per run: the demo profile on a fresh database (H2, or PostgreSQL under
 * {@code RS_TEST_DATABASE=postgres}), the built-in mail server on free ports, a free HTTP port
 * (chosen before the start, so that the application's own links, such as copy download links,
 * reach it).
 * Add no properties, profiles or mocks per test class: each difference builds another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ResourceSharingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = IntegrationTestEnvironment.class)
public @interface ResourceSharingIntegrationTest {
}

package dev.strata.server;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The Spring application; started through {@link StrataServer#start}, which supplies the {@link ServerOptions}. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = StrataApplication.class)
@OpenAPIDefinition(info = @Info(title = "Strata", version = "0.1.0",
        description = "Segment-compatible ingestion (/v1, HTTP Basic with the write key as user name) and the management API "
                + "(/api, bearer tokens with roles admin, editor, analyst, ingest)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityScheme(name = "writeKey", type = SecuritySchemeType.HTTP, scheme = "basic")
public class StrataApplication {
}

package app.roomwatch.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, generated from the controllers for scanner vendors and tool writers.
 * Staff calls carry an access token ({@value #STAFF_TOKEN}); the scanners' calls name their device key
 * ({@value #DEVICE_KEY}) themselves.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String STAFF_TOKEN = "staffToken";
    static final String DEVICE_KEY = "deviceKey";

    @Bean
    OpenAPI roomwatchOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Roomwatch REST API")
                        .description("Check-ins by RFID scanners and the staff console's calls. Every refusal is"
                                + " application/problem+json with a 'detail' that says what to fix. docs/api.md"
                                + " explains the rules."))
                .components(new Components()
                        .addSecuritySchemes(
                                STAFF_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The accessToken of POST /api/auth/login"))
                        .addSecuritySchemes(
                                DEVICE_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A scanner's device key (rw_<keyId>_<secret>) from"
                                                + " POST /api/admin/devices")))
                .addSecurityItem(new SecurityRequirement().addList(STAFF_TOKEN));
    }
}

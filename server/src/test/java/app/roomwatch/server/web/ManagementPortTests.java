package app.roomwatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.RawHttp;
import app.roomwatch.server.testing.ServerTest;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

/** Health and metrics live on their own port, on 127.0.0.1 by default; the API port serves neither. */
class ManagementPortTests extends ServerTest {

    @Autowired
    private ApplicationContext api;

    @Test
    void theManagementPortsOwnFiltersStayOffTheApiPort() {
        // Its refusal filters, scanned into the API's context too, ran a second time on every API request.
        assertThat(api.getBeanNamesForType(ManagementPortRefusals.class)).isEmpty();
        assertThat(api.getBeansOfType(FilterRegistrationBean.class).keySet())
                .noneMatch(name -> name.startsWith("management"));
        assertThat(api.getBeansOfType(KeepAliveOnRefusal.class)).hasSize(1);
        assertThat(api.getBeansOfType(UnreadableRequests.class)).hasSize(1);
    }

    @Test
    void metricsAndHealthAnswerOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management().get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(management().get("/actuator/prometheus").body()).contains("roomwatch_stream");

        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/livez", "/readyz"}) {
            Api.Response onTheApiPort = api().get(path);
            assertThat(onTheApiPort.status()).as(path).isIn(401, 404);
            assertThat(onTheApiPort.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(onTheApiPort.body()).as(path).doesNotContain("jvm_").doesNotContain("UP");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .filter(net -> {
                    try {
                        return net.isUp() && !net.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        try (Socket api = new Socket()) {
            api.connect(new InetSocketAddress(outside.get(), port), 2000);
            assertThat(api.isConnected())
                    .as("the API port listens on every address")
                    .isTrue();
        }
        assertThatThrownBy(() -> {
                    try (Socket management = new Socket()) {
                        management.connect(new InetSocketAddress(outside.get(), managementPort), 2000);
                    }
                })
                .as("the management port on " + outside.get())
                .isInstanceOf(IOException.class);
    }

    @Test
    void badInputOnTheManagementPortIsRefusedWithAProblem() {
        for (String path : new String[] {
            "/actuator/health?x=%FF", "/actuator/prometheus?x=%FF", "/actuator/nothing", "/error", "/actuator/health%00"
        }) {
            try (RawHttp http = new RawHttp(managementPort)) {
                RawHttp.Response answer = http.send("GET", path, null);
                assertThat(answer.status()).as(path).isBetween(400, 499);
                assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
            }
        }
    }
}

package io.hitkey.spring.starter.quickstart;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "A real sign-in over HTTP" test, verbatim, against the Quick start
 * application: nothing but the starter and Spring MVC signs a user in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey
class SignInTests {

    @Autowired
    FakeHitKey hitKey;

    @LocalServerPort
    int port;

    @Test
    void signsIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me"))
                .header("Accept", "text/html,*/*;q=0.8").build(), BodyHandlers.ofString());
        // signed in at once as hitKey.users().get(0), "Ada Lovelace", project admin
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("Hello ").endsWith("(" + hitKey.users().get(0).sub() + ")");
        assertThat(hitKey.tokenCalls("authorization_code")).isEqualTo(1);
    }
}

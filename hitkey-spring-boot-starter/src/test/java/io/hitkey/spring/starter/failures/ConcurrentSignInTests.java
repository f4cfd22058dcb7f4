package io.hitkey.spring.starter.failures;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users signing in at the same moment, each through HitKey's sign-in page, with
 * the starter's default timeouts.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey(autoApprove = false)
class ConcurrentSignInTests {

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	@Test
	void twoHundredConcurrentSignInsOfDistinctUsersEachSeeOnlyTheirOwnSub() throws Exception {
		int users = 200;
		List<FakeHitKeyUser> crowd = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			FakeHitKeyUser user = FakeHitKeyUser.of("User " + i, "user" + i + "@example.com");
			crowd.add(user);
			this.hitKey.addUser(user);
		}
		ExecutorService pool = Executors.newFixedThreadPool(users);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> seen = new ArrayList<>();
			for (FakeHitKeyUser user : crowd) {
				seen.add(pool.submit(() -> {
					start.await();
					return signInAs(new Visitor(this.port), user);
				}));
			}
			start.countDown();
			for (int i = 0; i < users; i++) {
				assertThat(seen.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(crowd.get(i).sub().toString());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(users);
	}


	private String signInAs(Visitor visitor, FakeHitKeyUser user) {
		URI authorize = URI.create(Visitor.location(visitor.get(Visitor.location(visitor.get("/me")))));
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : authorize.getRawQuery().split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			form.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		form.put("user", user.sub().toString());
		HttpResponse<String> approved = visitor.post(this.hitKey.authUrl() + "/approve", form);
		HttpResponse<String> me = visitor.follow(approved).page();
		assertThat(me.statusCode()).isEqualTo(200);
		Matcher sub = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(me.body());
		assertThat(sub.find()).as(me.body()).isTrue();
		return sub.group(1);
	}

}

package io.hitkey.spring.test;

/**
 * {@code WebTestClient} configurers that sign a HitKey user in, for WebFlux
 * applications.
 * <pre class="code">
 * WebTestClient client = WebTestClient.bindToApplicationContext(context)
 *     .apply(springSecurity())
 *     .configureClient()
 *     .build();
 * client.mutateWith(mockHitKeyLogin().projectRole("admin")).get().uri("/admin").exchange();
 * </pre>
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyWebTestClientConfigurers {

	private HitKeyWebTestClientConfigurers() {
	}

	/**
	 * Sign a HitKey user in for the request: a {@code HitKeyUser} principal with the
	 * authorities a real sign-in gives, and an authorized client for
	 * {@code @RegisteredOAuth2AuthorizedClient("hitkey")}.
	 * @return the configurer, to configure the user with
	 */
	public static HitKeyLoginMutator mockHitKeyLogin() {
		return new HitKeyLoginMutator();
	}

	/**
	 * Authenticate requests as if they carried a HitKey access token: a
	 * {@code HitKeyUser} principal with the authorities the starter's Bearer token check
	 * gives, without calling HitKey.
	 * @return the configurer, to configure the user with
	 */
	public static HitKeyBearerTokenMutator mockHitKeyBearerToken() {
		return new HitKeyBearerTokenMutator();
	}

}

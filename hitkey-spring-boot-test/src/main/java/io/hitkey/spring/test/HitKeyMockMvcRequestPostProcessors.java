package io.hitkey.spring.test;

/**
 * MockMvc request post-processors that sign a HitKey user in.
 * <pre class="code">
 * mvc.perform(get("/admin").with(hitKeyLogin().projectRole("admin", "can_deploy")))
 *     .andExpect(status().isOk());
 * </pre>
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyMockMvcRequestPostProcessors {

	private HitKeyMockMvcRequestPostProcessors() {
	}

	/**
	 * Sign a HitKey user in for the request: a {@code HitKeyUser} principal with the
	 * authorities the application's mapping gives it, and an authorized client for
	 * {@code @RegisteredOAuth2AuthorizedClient("hitkey")}.
	 * @return the post-processor, to configure the user with
	 */
	public static HitKeyLoginRequestPostProcessor hitKeyLogin() {
		return new HitKeyLoginRequestPostProcessor();
	}

	/**
	 * Authenticate the request as if it carried a HitKey access token: a
	 * {@code HitKeyUser} principal with the authorities the starter's Bearer token check
	 * gives, without calling HitKey.
	 * @return the post-processor, to configure the user with
	 */
	public static HitKeyBearerTokenRequestPostProcessor hitKeyBearerToken() {
		return new HitKeyBearerTokenRequestPostProcessor();
	}

}

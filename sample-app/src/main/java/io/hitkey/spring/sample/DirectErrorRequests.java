package io.hitkey.spring.sample;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers the error page opened directly ({@code /error} typed into the address bar) as
 * a page that does not exist: 404, with Boot's own error page for browsers and its JSON
 * for API clients. Boot's error controller expects to be reached by the container's error
 * dispatch, which says what went wrong; reached directly it finds no error and answers
 * {@code 500} with {@code "status": 999}.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() == DispatcherType.REQUEST
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
				&& handler instanceof HandlerMethod method && method.getBean() instanceof ErrorController) {
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
		}
		return true;
	}

}

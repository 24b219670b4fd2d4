package io.socketchat.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code chat.web.enabled=false} the chat page is not served either (its WebSocket
 * is off).
 */
@Component
@ConditionalOnProperty(prefix = "chat.web", name = "enabled", havingValue = "false")
class WebPageOff extends OncePerRequestFilter {

    private static final Set<String> PAGE = Set.of("/", "/index.html", "/chat.js", "/chat.css", "/favicon.svg");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PAGE.contains(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

}

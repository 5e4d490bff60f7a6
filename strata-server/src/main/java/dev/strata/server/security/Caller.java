package dev.strata.server.security;

/**
 * Who sent the request being served: the token's id and name (never its secret), its role and the
 * address the request came from.
 */
public record Caller(String tokenId, String name, Role role, String remote) {
}

package org.deeprounds.accounts;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request signed in with a personal API token: the token's owner, with the owner's current roles. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;

    ApiTokenAuthentication(
            String username, long tokenId, Collection<? extends GrantedAuthority> authorities, Object details) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    long tokenId() {
        return tokenId;
    }
}

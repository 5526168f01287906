package org.deeprounds.accounts.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.AccountSummary;
import org.deeprounds.base.security.AppRoles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for administrators' tools (e.g. an LMS sync): read-only list. */
@RestController
@RequestMapping("/api/v1/admin")
@RolesAllowed(AppRoles.ADMIN)
class AdminUsersController {

    private final AccountService accounts;

    AdminUsersController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    List<AccountSummary> users() {
        return accounts.list();
    }
}

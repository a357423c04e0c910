package org.regdesk.server.desk;

import java.util.Set;

import org.regdesk.server.store.Operator;

/**
 * A {@link DeskOperation} that is only its id and roles: an operation bundle's DS component extends it
 * with a no-argument constructor ({@code super("PIN_UNBLOCK", EnumSet.of(Role.OPERATOR, ...))}).
 */
public abstract class AbstractDeskOperation implements DeskOperation {

    private final String id;
    private final Set<Operator.Role> roles;

    protected AbstractDeskOperation(String id, Set<Operator.Role> roles) {
        if (!DeskOperation.validId(id)) {
            throw new IllegalArgumentException("not a desk operation id: " + id);
        }
        this.id = id;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Operator.Role> roles() {
        return roles;
    }
}

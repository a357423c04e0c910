package org.regdesk.backend.tests;

/** {@link IdempotentStepsTest} on PostgreSQL, where repeats may reach another node. */
class IdempotentStepsOnPostgresTest extends IdempotentStepsTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

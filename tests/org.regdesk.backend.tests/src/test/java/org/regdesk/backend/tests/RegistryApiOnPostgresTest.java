package org.regdesk.backend.tests;

/** The registry API on PostgreSQL, the production database. */
class RegistryApiOnPostgresTest extends RegistryApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

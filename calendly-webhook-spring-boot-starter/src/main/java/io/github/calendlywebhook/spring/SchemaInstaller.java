package io.github.calendlywebhook.spring;

import javax.sql.DataSource;

/** Installs the Calendly tables in the database of the JDBC stores. */
interface SchemaInstaller {

    /**
     * Creates or upgrades the tables; does nothing when they are current.
     *
     * @param dataSource the database
     */
    void install(DataSource dataSource);
}

-- Settings saved in the admin panel; environment variables are only the initial defaults.
CREATE TABLE dashboard_setting (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(512) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The value of one unpaid booking per Calendly event type, overriding the default value.
CREATE TABLE dashboard_event_type_value (
    event_type_key VARCHAR(1024)  NOT NULL PRIMARY KEY,
    booking_value  DECIMAL(19, 4) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

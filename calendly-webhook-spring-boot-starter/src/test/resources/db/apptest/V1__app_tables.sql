CREATE TABLE app_booking_note (id BIGINT PRIMARY KEY, note VARCHAR(200));

-- A dealership may send its texts through its own Twilio Messaging Service instead of one number.
ALTER TABLE dealerships ADD COLUMN messaging_service_sid VARCHAR(34) NULL AFTER sender_phone;

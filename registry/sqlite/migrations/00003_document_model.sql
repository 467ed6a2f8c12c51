-- The model a document was issued from (the JSON form of akta.Birth,
-- akta.Death, akta.Family or kia.Card), from which its PDF is rendered on
-- demand with the stored QR payload. Empty for rows issued before it.

-- +goose Up
ALTER TABLE documents ADD COLUMN model TEXT NOT NULL DEFAULT '';

-- +goose Down
SELECT 1;

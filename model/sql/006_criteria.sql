-- ntm schema: how many criteria and indicators a set's deciding document declares, so a
-- set whose criteria are not all entered yet still says "20 tiêu chí" in its label and
-- `ntm criteria` can show "1/20 entered". NULL: the document's count is not known.
ALTER TABLE criteria_set ADD COLUMN criteria_count INTEGER CHECK (criteria_count IS NULL OR criteria_count BETWEEN 0 AND 200);
ALTER TABLE criteria_set ADD COLUMN indicator_count INTEGER CHECK (indicator_count IS NULL OR indicator_count BETWEEN 0 AND 2000);

-- ntm schema: how many criteria and indicators a set's deciding document declares, so a
-- set whose criteria are not all entered yet still says "20 tiêu chí" in its label and
-- `ntm criteria` can show "1/20 entered". NULL: the document's count is not known.
ALTER TABLE criteria_set ADD COLUMN criteria_count INTEGER CHECK (criteria_count IS NULL OR criteria_count BETWEEN 0 AND 200);
ALTER TABLE criteria_set ADD COLUMN indicator_count INTEGER CHECK (indicator_count IS NULL OR indicator_count BETWEEN 0 AND 2000);
-- Only sets of the same period can share a label: the label of one set is told apart
-- from those (model/criteria_set.c) without reading the whole table.
CREATE INDEX criteria_set_by_years ON criteria_set(year_from, year_to);

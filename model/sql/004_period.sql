-- ntm schema: what the period reports (weekly, monthly, daily; model/period_report.h)
-- read at province scale without scanning a table.
-- The reports of a period, and for a past period those dated after it: a range by date
-- that holds the task and the quantity, so the range alone answers.
CREATE INDEX IF NOT EXISTS progress_by_date ON progress(report_date, task_id, qty);
-- Done tasks closed (last changed) in a period or after it, per commune: the finishing
-- day of a task closed by hand without any report.
CREATE INDEX IF NOT EXISTS task_done_by_update ON task(commune_id, updated_at) WHERE status = 'done';

-- The release this site shows: one row, the run id of the publish it was built from (the report pins
-- one release when it starts, so every query reads this same file). The page footer shows it.
select
    run_id,
    published_at
from audit.publish_log
order by published_at desc
limit 1

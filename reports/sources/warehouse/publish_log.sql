-- Thin query over audit.publish_log: one row per publish of the warehouse, newest first, with what changed
-- since the publish before it (the seed files whose checksums differ, the code commit, the dbt vars). The
-- comparison runs here because the browser's DuckDB has no JSON functions.
with p as (
  select run_id, published_at, git_commit, seed_checksums, dbt_vars,
         lag(run_id) over (order by published_at) as prev_run_id,
         lag(published_at) over (order by published_at) as prev_published_at,
         lag(seed_checksums) over (order by published_at) as prev_seeds,
         lag(git_commit) over (order by published_at) as prev_commit,
         lag(dbt_vars) over (order by published_at) as prev_vars,
         row_number() over (order by published_at desc) as publish_rank
  from audit.publish_log
),
d as (
  select *,
         list_sort(list_distinct(list_concat(
           list_filter(json_keys(seed_checksums),
                       k -> prev_seeds is null
                            or json_extract_string(seed_checksums, '$."' || k || '"')
                               is distinct from json_extract_string(prev_seeds, '$."' || k || '"')),
           list_filter(coalesce(json_keys(prev_seeds), []),
                       k -> json_extract_string(seed_checksums, '$."' || k || '"') is null)))) as changed_files
  from p
)
select run_id, publish_rank,
       strftime(published_at at time zone 'UTC', '%Y-%m-%d %H:%M') || ' UTC' as published_at_txt,
       strftime(prev_published_at at time zone 'UTC', '%Y-%m-%d %H:%M') || ' UTC' as prev_published_at_txt,
       prev_run_id is null as is_first,
       left(git_commit, 7) as commit_short,
       case
         when prev_run_id is null then 'the first publish on record: nothing to compare with'
         else coalesce(nullif(concat_ws('; ',
           case when len(changed_files) > 0 then 'input data changed: '
                || array_to_string(list_transform(changed_files,
                     f -> regexp_replace(regexp_replace(f, '^.*/', ''), '\.(csv|parquet)$', '')), ', ') end,
           case when git_commit is distinct from prev_commit then 'code changed (commit '
                || coalesce(left(prev_commit, 7), 'unknown') || ' to ' || coalesce(left(git_commit, 7), 'unknown') || ')' end,
           case when cast(dbt_vars as varchar) is distinct from cast(prev_vars as varchar) then 'build settings changed' end),
           ''), 'nothing: the same input data, code and settings as the publish before')
       end as changes_text
from d
order by published_at desc

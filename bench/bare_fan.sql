-- Hand-written bare DuckDB SQL: the uncertainty fan (marts.fct_forecast_fan) in one statement, straight
-- from the input files, with the same draws (md5 of market_id:draw_id) as int_fan_draws.
with recursive
claims as (
    select *,
        case when segment_id is not null then 'segment' when region_id = 'WORLD' then 'world' else 'region' end as scope_type,
        coalesce(year, period_start_year) as claim_year,
        case bound when 'range' then value_low when 'upper_bound' then null else value end as interval_low,
        case bound when 'range' then value_high when 'lower_bound' then null else value end as interval_high
    from {claims}
),
markets as (select * from {markets}),
regions as (select * from {regions}),
ancestry as (
    select region_id, region_id as ancestor_id, 0 as depth from regions
    union all
    select a.region_id, r.parent_region_id, a.depth + 1
    from ancestry as a join regions as r on a.ancestor_id = r.region_id
    where r.parent_region_id is not null
),
sizes as (
    select market_id, source_id, min(claim_year) as start_year, arg_min(value, claim_year) as start_size
    from claims where metric = 'market_size' and scope_type = 'world' and value is not null
    group by all
),
source_cagrs as (
    select market_id, source_id, value / 100 as cagr
    from claims where metric = 'cagr' and scope_type = 'world' and value is not null
    qualify row_number() over (partition by market_id, source_id order by is_headline desc, claim_id) = 1
),
estimates as (
    select m.market_id, m.base_year, count(*) as n,
           list(ln(s.start_size * power(1 + c.cagr, m.base_year - s.start_year))
                order by ln(s.start_size * power(1 + c.cagr, m.base_year - s.start_year))) as logs
    from markets as m
    join sizes as s on s.market_id = m.market_id
    join source_cagrs as c on c.market_id = s.market_id and c.source_id = s.source_id
    group by all
),
primary_cagrs as (
    select c.market_id, coalesce(c.interval_low, c.interval_high) as lowest, coalesce(c.interval_high, c.interval_low) as highest
    from claims as c join markets as m on c.market_id = m.market_id and c.source_id = m.primary_source_id
    where c.metric = 'cagr' and c.scope_type = 'world'
),
cagr_interval as (
    select market_id, min(lowest) / 100 as low, max(highest) / 100 as high from primary_cagrs group by market_id
),
draws as (
    select e.market_id, e.base_year, e.n, e.logs, i.low, i.high,
           md5_number(e.market_id || ':' || d.draw_id) as h,
           (cast(h >> 76 as double) + 0.5) / 4503599627370496 * (e.n - 1) as pos,
           cast(floor(pos) as integer) + 1 as k,
           exp(e.logs[k] + (pos - (k - 1)) * (e.logs[least(k + 1, e.n)] - e.logs[k])) as base_size,
           i.low + (cast((h >> 12) & 4503599627370495 as double) + 0.5) / 4503599627370496 * (i.high - i.low) as cagr
    from estimates as e
    join cagr_interval as i on i.market_id = e.market_id
    cross join range(1, {draws} + 1) as d(draw_id)
    where i.low is not null and i.high is not null
),
years as (
    select market_id, base_year, unnest(generate_series(forecast_start_year, forecast_end_year))::integer as year
    from markets
),
world as (
    select d.market_id, y.year,
           quantile_cont(d.base_size * power(1 + d.cagr, y.year - y.base_year), [0.10, 0.25, 0.50, 0.75, 0.90]) as q,
           fsum(d.base_size * power(1 + d.cagr, y.year - y.base_year)) / count(*) as mean,
           count(*) as n_draws
    from draws as d join years as y on y.market_id = d.market_id
    group by all
),
stated as (
    select c.market_id, c.region_id, c.claim_year as year, c.breakdown_id, c.value as share_pct
    from claims as c join markets as m on c.market_id = m.market_id and c.source_id = m.primary_source_id
    where c.metric = 'share' and c.scope_type = 'region'
),
latest as (
    select * from stated qualify year = max(year) over (partition by market_id)
),
rolled as (
    select p.market_id, p.region_id,
           p.share_pct + coalesce((
               select sum(ch.share_pct) from latest as ch join ancestry as a on ch.region_id = a.region_id
               where a.ancestor_id = p.region_id and a.depth > 0 and ch.market_id = p.market_id
                 and ch.year = p.year and ch.breakdown_id = p.breakdown_id), 0) as share_pct
    from latest as p
),
shares as (
    select m.market_id, r.region_id,
           case when r.region_level = 'world' then 100.0 else rolled.share_pct end as share_pct
    from markets as m cross join regions as r
    left join rolled on rolled.market_id = m.market_id and rolled.region_id = r.region_id
    -- forecast regions: the world, the continents and the sub-regions the report states a share for
    where r.region_level in ('world', 'continent') or rolled.share_pct is not null
)
select
    sh.market_id, sh.region_id, y.year,
    w.q[1] * (sh.share_pct / 100) as p10,
    w.q[2] * (sh.share_pct / 100) as p25,
    w.q[3] * (sh.share_pct / 100) as p50,
    w.q[4] * (sh.share_pct / 100) as p75,
    w.q[5] * (sh.share_pct / 100) as p90,
    w.mean * (sh.share_pct / 100) as mean,
    case when sh.share_pct is null then 0 else coalesce(w.n_draws, 0) end as n_draws
from shares as sh
join years as y on y.market_id = sh.market_id
left join world as w on w.market_id = sh.market_id and w.year = y.year

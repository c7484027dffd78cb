-- Hand-written bare DuckDB SQL: the scenario forecast (marts.fct_market_forecast) in one statement,
-- straight from the input files ({markets}, {claims}, {regions} are read_parquet / read_csv calls).
-- The benchmark times it against the dbt models and checks the two results are equal.
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
base_sizes as (
    select m.market_id, m.base_year,
           median(s.start_size * power(1 + c.cagr, m.base_year - s.start_year)) as base_size
    from markets as m
    join sizes as s on s.market_id = m.market_id
    join source_cagrs as c on c.market_id = s.market_id and c.source_id = s.source_id
    group by all
),
primary_cagrs as (
    select c.market_id, c.is_headline, c.value,
           coalesce(c.interval_low, c.interval_high) as lowest, coalesce(c.interval_high, c.interval_low) as highest
    from claims as c join markets as m on c.market_id = m.market_id and c.source_id = m.primary_source_id
    where c.metric = 'cagr' and c.scope_type = 'world'
),
scenarios as (
    select market_id, 'low' as scenario, min(lowest) / 100 as cagr from primary_cagrs group by market_id
    union all
    select market_id, 'base', value / 100 from primary_cagrs where is_headline
    union all
    select market_id, 'high', max(highest) / 100 from primary_cagrs group by market_id
),
stated as (
    select c.market_id, c.source_id, c.region_id, c.claim_year as year, c.breakdown_id, c.value as share_pct
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
),
years as (
    select market_id, base_year, unnest(generate_series(forecast_start_year, forecast_end_year))::integer as year
    from markets
)
select
    y.market_id, s.scenario, sh.region_id, y.year,
    b.base_size * sh.share_pct / 100 * power(1 + s.cagr, y.year - b.base_year) as market_size_usd_bn
from years as y
join base_sizes as b on b.market_id = y.market_id
join scenarios as s on s.market_id = y.market_id
join shares as sh on sh.market_id = y.market_id

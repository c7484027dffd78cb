-- The Monte Carlo draws of the uncertainty fan: var('fan_draws') draws per market (default 10,000),
-- each a base-year size and a CAGR. A view: nothing is stored, the draws are recomputed whenever
-- they are read (set var fan_keep_draws to publish them as the table marts.fct_forecast_fan_draws).
--
-- Reproducible by construction, never random(): each draw hashes its key
--     h = md5(market_id || ':' || draw_id)             -- the 16 digest bytes as a little-endian
--                                                      -- unsigned 128-bit integer
--     u_size = ((h >> 76) + 0.5) / 2^52                -- top 52 bits
--     u_cagr = (((h >> 12) & (2^52 - 1)) + 0.5) / 2^52 -- bits 12..63 (disjoint from u_size's)
-- In hex fields of the digest: written as 32 hex digits, most significant first (the digest's bytes
-- reversed), u_size takes digits 1-13 and u_cagr digits 17-29 (macros/cross_engine/md5_uniform.sql:
-- DuckDB shifts md5_number, Spark reads the hex digits; the same numbers on both engines).
-- MD5 is a fixed standard, so the same market and draw give the same u on every run, machine, engine
-- and version (an engine's hash() is not: it is an internal, unversioned function). u is exact in
-- a double (52 bits + 1/2), strictly inside (0, 1).
--
-- What a draw is (docs/estimate.md): u_size picks a source's base-year size and u_cagr a
-- source's growth rate, each source as often as its weight (the slices of int_estimate_components); the
-- two picks are independent, so a draw can pair one source's size with another's growth.
with keyed as (
    select
        inputs.market_id,
        cast(draws.draw_id as integer) as draw_id,
        {{ md5_key_hash("inputs.market_id || ':' || cast(draws.draw_id as string)") }} as draw_hash
    -- spread_rows: on Spark the draws are made and aggregated in many tasks (macros/cross_engine)
    from (select {{ spread_rows('market_id') }} * from {{ ref('int_fan_inputs') }}) as inputs
    cross join range(1, {{ bounded_int_var('fan_draws', 1, 1000000) }} + 1) as draws (draw_id)
),

uniforms as (
    select
        market_id,
        draw_id,
        {{ md5_uniform('draw_hash', 76) }} as u_size,
        {{ md5_uniform('draw_hash', 12) }} as u_cagr
    from keyed
)

select
    uniforms.market_id,
    uniforms.draw_id,
    uniforms.u_size,
    uniforms.u_cagr,
    sizes.source_id as size_source_id,
    sizes.value as base_size_usd_bn,
    growth.source_id as growth_source_id,
    growth.value as cagr
from uniforms
inner join {{ ref('int_estimate_components') }} as sizes
    on uniforms.market_id = sizes.market_id and sizes.component = 'size'
        and uniforms.u_size > sizes.cum_low and uniforms.u_size <= sizes.cum_high
inner join {{ ref('int_estimate_components') }} as growth
    on uniforms.market_id = growth.market_id and growth.component = 'growth'
        and uniforms.u_cagr > growth.cum_low and uniforms.u_cagr <= growth.cum_high

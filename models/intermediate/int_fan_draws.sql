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
-- Distributions (README, "Uncertainty fan"):
--   base-year size: the sources' estimates interpolated in log space - the inverse of the
--     empirical CDF that puts the sorted log estimates at probabilities 0, 1/(n-1), ..., 1 and is
--     linear in between: ln(size) = l[i] + f * (l[i+1] - l[i]) with i + f = u_size * (n - 1).
--     Bounded by the lowest and highest estimate, median = the (geometric) median estimate, every
--     estimate counts; n = 1 gives that estimate, n = 2 a log-uniform between the two.
--   CAGR: uniform on [low, high] of the primary report's scenarios: cagr = low + u_cagr * (high - low).
--   The two are drawn independently.
with keyed as (
    select
        inputs.market_id,
        cast(draws.draw_id as integer) as draw_id,
        {{ md5_key_hash("inputs.market_id || ':' || cast(draws.draw_id as string)") }} as draw_hash,
        inputs.n_size_estimates,
        inputs.log_size_estimates,
        inputs.cagr_low,
        inputs.cagr_high
    -- spread_rows: on Spark the draws are made and aggregated in many tasks (macros/cross_engine)
    from (select {{ spread_rows('market_id') }} * from {{ ref('int_fan_inputs') }}) as inputs
    cross join range(1, {{ bounded_int_var('fan_draws', 1, 1000000) }} + 1) as draws (draw_id)
),

uniforms as (
    select
        *,
        {{ md5_uniform('draw_hash', 76) }} as u_size,
        {{ md5_uniform('draw_hash', 12) }} as u_cagr
    from keyed
),

positioned as (
    select
        *,
        u_size * (n_size_estimates - 1) as size_position,
        cast(floor(u_size * (n_size_estimates - 1)) as integer) + 1 as lower_index
    from uniforms
),

interpolated as (
    select
        *,
        {{ list_element('log_size_estimates', 'lower_index') }}
        + (size_position - (lower_index - 1))
        * (
            {{ list_element('log_size_estimates', 'least(lower_index + 1, n_size_estimates)') }}
            - {{ list_element('log_size_estimates', 'lower_index') }}
        ) as log_base_size
    from positioned
)

select
    market_id,
    draw_id,
    u_size,
    u_cagr,
    log_base_size,
    exp(log_base_size) as base_size_usd_bn,
    cagr_low + u_cagr * (cagr_high - cagr_low) as cagr
from interpolated

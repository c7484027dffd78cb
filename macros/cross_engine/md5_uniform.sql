{#- Reproducible uniforms from MD5, the same numbers on every engine (int_fan_draws).

    Read the 16 bytes of md5(text) as one little-endian unsigned 128-bit integer h. A uniform is 52
    consecutive bits of h, from bit `low_bit` up, plus 1/2, over 2^52: exact in a double, strictly
    inside (0, 1).
        u = (((h >> low_bit) & (2^52 - 1)) + 0.5) / 2^52

    md5_key_hash(text) renders h once per row; md5_uniform(hash, low_bit) takes one uniform from it.
      DuckDB: h = md5_number(text), a UHUGEINT; shift and mask it.
      Spark:  no 128-bit integers. h is written as 32 hex digits, most significant first: the
              digest's bytes reversed, hex(reverse(unhex(md5(text)))). Bits low_bit .. low_bit + 51
              are the 13 hex digits from position (128 - low_bit - 52) / 4 + 1, read with conv(..., 16, 10).
              low_bit 76 (the top 52 bits) = digits 1-13; low_bit 12 (bits 12..63) = digits 17-29.
    tests/test_fan.py recomputes the same numbers with Python's hashlib. -#}
{% macro md5_key_hash(text) -%}
    {{ return(adapter.dispatch('md5_key_hash')(text)) }}
{%- endmacro %}

{% macro default__md5_key_hash(text) -%}
    md5_number({{ text }})
{%- endmacro %}

{% macro spark__md5_key_hash(text) -%}
    hex(reverse(unhex(md5({{ text }}))))
{%- endmacro %}

{% macro md5_uniform(hash, low_bit) -%}
    {%- if low_bit is not integer or low_bit % 4 != 0 or not 0 <= low_bit <= 76 -%}
        {{ exceptions.raise_compiler_error("md5_uniform: low_bit must be a multiple of 4 from 0 to 76, got " ~ low_bit) }}
    {%- endif -%}
    {{ return(adapter.dispatch('md5_uniform')(hash, low_bit)) }}
{%- endmacro %}

{% macro default__md5_uniform(hash, low_bit) -%}
    {%- set bits = '(' ~ hash ~ ' >> ' ~ low_bit ~ ') & 4503599627370495' if low_bit < 76 else hash ~ ' >> 76' -%}
    (cast({{ bits }} as double) + 0.5) / 4503599627370496
{%- endmacro %}

{% macro spark__md5_uniform(hash, low_bit) -%}
    (cast(conv(substr({{ hash }}, {{ (128 - low_bit - 52) // 4 + 1 }}, 13), 16, 10) as double) + 0.5D) / 4503599627370496D
{%- endmacro %}

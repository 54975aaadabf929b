#include "conv_grid.h"

namespace g4 {

namespace {

// Where tap r reads the planes, relative to the grid pixel, stepped along r.
struct Tap {
    const Conv& p;
    int64_t ch, i, j;

    Tap(const Conv& conv, int64_t r) : p(conv), ch(r / (p.kh * p.kw)), i(r / p.kw % p.kh), j(r % p.kw) {}

    int64_t offset() const { return (ch * p.hp() + i * p.dh) * p.wp() + j * p.dw; }

    void next() {
        if (++j < p.kw) return;
        j = 0;
        if (++i < p.kh) return;
        i = 0;
        ch++;
    }
};

}  // namespace

void pack_grid_columns(const void* source, int64_t p0, int64_t kc, int64_t first, int64_t count, int64_t width,
                       float* out) {
    const GridColumns& columns = *static_cast<const GridColumns*>(source);
    const Conv& p = *columns.conv;
    for (int64_t panel = 0; panel < count; panel += width, out += kc * width) {
        const int64_t items = std::min(width, count - panel);
        if (columns.pixels_are_items) {
            const float* steps[kPackedKc];
            Tap tap(p, p0);
            for (int64_t k = 0; k < kc; k++, tap.next()) steps[k] = columns.planes + tap.offset() + first + panel;
            pack_panel(steps, items, kc, width, out);
            continue;
        }
        // k runs along output rows: each row's ow pixels are contiguous in the planes
        int64_t taps[kPackedNr > kPackedMr ? kPackedNr : kPackedMr];
        Tap tap(p, first + panel);
        for (int64_t i = 0; i < items; i++, tap.next()) taps[i] = tap.offset();
        const float* rows[kPackedNr > kPackedMr ? kPackedNr : kPackedMr];
        for (int64_t q = p0; q < p0 + kc;) {
            const int64_t y = q / p.ow, x = q % p.ow, run = std::min(p.ow - x, p0 + kc - q);
            for (int64_t i = 0; i < items; i++) rows[i] = columns.planes + taps[i] + y * p.wp() + x;
            pack_panel_transposed(rows, items, run, width, out + (q - p0) * width);
            q += run;
        }
    }
}

G4_PLAIN_LOOPS void to_planes(const Conv& p, const float* x, float* planes) {
    const int64_t wp = p.wp(), hp = p.hp();
    float* out = planes;
    for (int64_t ch = 0; ch < p.cg(); ch++) {
        for (int64_t row = 0; row < hp; row++, out += wp) {
            const int64_t ih = row - p.ph;
            if (ih < 0 || ih >= p.h) {
                for (int64_t i = 0; i < wp; i++) out[i] = 0.0f;
                continue;
            }
            const float* in = x + (ch * p.h + ih) * p.w;
            for (int64_t i = 0; i < p.pw; i++) out[i] = 0.0f;
            for (int64_t i = 0; i < p.w; i++) out[p.pw + i] = in[i];
            for (int64_t i = p.pw + p.w; i < wp; i++) out[i] = 0.0f;
        }
    }
    for (int64_t i = 0; i < wp; i++) out[i] = 0.0f;
}

G4_PLAIN_LOOPS void from_grid(const Conv& p, const float* grid, float* y) {
    for (int64_t row = 0; row < p.og() * p.oh; row++, grid += p.wp(), y += p.ow) {
        for (int64_t i = 0; i < p.ow; i++) y[i] = grid[i];
    }
}

}  // namespace g4

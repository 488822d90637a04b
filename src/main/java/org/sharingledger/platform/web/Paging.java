package org.sharingledger.platform.web;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How the API's lists that answer a JSON array are paged, additively for clients that send no paging parameters: they
 * get the first page. {@code page} from 0, {@code size} from 1 to a maximum (the controller's {@code @Min} and
 * {@code @Max}); the answer is the page's array, with {@code X-Total-Count} (how many there are in all) and, while
 * there are more, {@code Link: <…?page=n+1&size=…>; rel="next"}, the address of the next page. (The lists that answer
 * an object, as {@code GET /api/requests}, carry {@code page}, {@code size} and {@code totalItems} in it.)
 */
public final class Paging {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private Paging() {}

    /** The row to start at, for SQL's {@code offset}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    /** The page's items, with the total and the next page's address in the headers. */
    public static <T> ResponseEntity<List<T>> answer(List<T> items, int page, int size, long total) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total));
        if (offset(page, size) + items.size() < total) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("page", page + 1)
                    .replaceQueryParam("size", size)
                    .build()
                    .toUriString();
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.body(items);
    }
}

/** The models part of the JSON API: the templates lessons start from. */
package org.deeprounds.models.api;
